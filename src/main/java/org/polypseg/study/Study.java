package org.polypseg.study;

import java.time.Instant;
import java.util.List;

/**
 * A study as its members see it.
 *
 * @param id the study's number
 * @param settings title, start mask and blindness
 * @param owner the owner's user name
 * @param annotators the annotators' user names, in the order they were added
 * @param frames number of frames
 * @param myRoles the roles of the user who asked
 * @param created when it was made (UTC)
 */
public record Study(long id, StudySettings settings, String owner, List<String> annotators,
    int frames, List<StudyRole> myRoles, Instant created) {

  public Study {
    annotators = List.copyOf(annotators);
    myRoles = List.copyOf(myRoles);
  }
}
