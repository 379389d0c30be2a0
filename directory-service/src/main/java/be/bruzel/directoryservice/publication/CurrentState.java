package be.bruzel.directoryservice.publication;

import be.bruzel.platform.events.DirectoryEvent;
import java.time.Instant;
import java.util.List;

/**
 * A part of the directory that can state all it holds as events, so that a snapshot puts the
 * whole directory on its compacted topics (first start, or a consumer's copy to be rebuilt).
 */
public interface CurrentState {

    List<? extends DirectoryEvent> currentState(Instant now);
}
