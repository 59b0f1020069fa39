import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The peer of the benchmark: the same digest computed by DuckDB over the same local .log.gz
 * files (read_csv) or .log.parquet files (read_parquet, with CORPUS_DIR given as parquet:DIR) with
 * one SQL GROUP BY (same key, same port normalisation, same sums, same window filter), written as
 * a gzip'd space-separated file. Run with: java -cp duckdb_jdbc.jar DuckDbDigest.java CORPUS_DIR
 * START_EPOCH STOP_EPOCH OUT.gz [MEMORY_LIMIT]; with a memory limit (e.g. 1GB) DuckDB spills to a
 * temporary directory next to OUT.gz.
 */
public class DuckDbDigest {
  public static void main(String[] args) throws Exception {
    boolean parquet = args[0].startsWith("parquet:");
    String glob = args[0].substring(parquet ? "parquet:".length() : 0) + (parquet ? "/**/*.log.parquet" : "/**/*.log.gz");
    String source =
        parquet
            ? "read_parquet('" + glob + "')"
            : "read_csv('" + glob + "', delim=' ', header=true, auto_detect=false,"
                + " columns={'version':'VARCHAR','account_id':'VARCHAR','interface_id':'VARCHAR',"
                + "'srcaddr':'VARCHAR','dstaddr':'VARCHAR','srcport':'INTEGER','dstport':'INTEGER',"
                + "'protocol':'INTEGER','packets':'BIGINT','bytes':'BIGINT','start':'BIGINT',"
                + "'end':'BIGINT','action':'VARCHAR','log_status':'VARCHAR'}, nullstr='-')";
    long start = Long.parseLong(args[1]);
    long stop = Long.parseLong(args[2]);
    String out = args[3];
    String sql =
        "COPY (SELECT version, account_id, interface_id, srcaddr, dstaddr,"
            + " CASE WHEN srcport < dstport THEN srcport ELSE 0 END AS sp,"
            + " CASE WHEN srcport < dstport THEN 0 ELSE dstport END AS dp,"
            + " protocol, sum(packets) AS packets, sum(bytes) AS bytes, min(start) AS start,"
            + " max(\"end\") AS \"end\", action, log_status"
            + " FROM " + source
            + " WHERE log_status = 'OK' AND start >= " + start + " AND start < " + stop
            + " GROUP BY ALL ORDER BY ALL)"
            + " TO '" + out + "' (FORMAT csv, DELIMITER ' ', HEADER false, COMPRESSION gzip)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      if (args.length > 4) {
        s.execute("SET memory_limit='" + args[4] + "'");
        s.execute("SET temp_directory='" + out + ".tmp'");
      }
      s.execute(sql);
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_csv('" + out + "', delim=' ', header=false)")) {
        r.next();
        System.out.println("duckdb keys: " + r.getLong(1));
      }
    }
  }
}
