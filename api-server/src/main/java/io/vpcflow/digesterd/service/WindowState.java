package io.vpcflow.digesterd.service;

import io.vpcflow.digesterd.marker.Marker;
import io.vpcflow.digesterd.window.DigestWindow;
import java.util.Optional;

/**
 * What is known of a window's digest at one moment.
 *
 * @param window the window
 * @param state where its digest is
 * @param marker its marker, if there is one
 * @param reason why it failed, for {@link DigestState#FAILED}; else null
 */
public record WindowState(
    DigestWindow window, DigestState state, Optional<Marker> marker, String reason) {}
