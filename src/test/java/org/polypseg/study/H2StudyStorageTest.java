package org.polypseg.study;

/** The storage contract on the default database, an H2 file. */
class H2StudyStorageTest extends StudyStorageContract {

  @Override
  StudyProperties newDatabase() {
    return TestDatabases.h2(temp);
  }
}
