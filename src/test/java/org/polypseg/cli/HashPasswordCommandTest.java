package org.polypseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code polypseg hash-password} prints a bcrypt hash that the login accepts for the password. */
class HashPasswordCommandTest {

  @Test
  void printsABcryptHashOfThePasswordOnStandardInput() {
    InputStream in = System.in;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(PolypSegCommand.execute("hash-password")).isZero();
    } finally {
      System.setIn(in);
      System.setOut(out);
    }
    String hash = printed.toString(StandardCharsets.UTF_8).trim();
    assertThat(hash).startsWith("$2a$10$").hasSize(60);
    assertThat(new BCryptPasswordEncoder().matches("s3cret pass", hash)).isTrue();
    assertThat(new BCryptPasswordEncoder().matches("s3cret", hash)).isFalse();
  }
}
