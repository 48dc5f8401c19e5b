package org.polypseg.archive;

import java.util.List;

/** What one file gave: its frames' rows, its clip's row (clips only) and any errors. */
public record ItemResult(List<FrameRecord> frames, ClipRecord clip, List<ErrorRecord> errors) {}
