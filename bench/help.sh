# Sourced first by each benchmark script: with -h or --help, prints the script's header comment
# (its usage) and exits.
case "${1:-}" in
  -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0
    ;;
esac
