package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polypseg.PolypSegApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A users list with a plain-text password or a malformed hash: a clear message, no start. */
@ExtendWith(OutputCaptureExtension.class)
class UsersConfigurationTest {

  @Test
  void aPlainTextPasswordOrAMalformedHashIsRefusedNamingTheUser() {
    for (String notAHash : List.of("correct horse battery staple", "$2a$10$tooShort",
        "{noop}secret", "")) {
      assertThatThrownBy(() -> new SecurityProperties(true,
          List.of(new SecurityProperties.User("alice", notAHash)), false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'alice'")
          .hasMessageContaining("not a bcrypt hash")
          .hasMessageContaining("./polypseg hash-password");
    }
  }

  @Test
  void theAppDoesNotStartWithAPlainTextPassword(CapturedOutput output) {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PolypSegApplication.class)
        .run("--server.port=0", "--polypseg.security.enabled=true",
            "--polypseg.security.users[0].username=alice",
            "--polypseg.security.users[0].password-hash=hunter2-plain"));
    assertThat(failure).isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START", "polypseg.security",
            "the password-hash of 'alice' is not a bcrypt hash", "./polypseg hash-password")
        .doesNotContain("Tomcat started")
        .doesNotContain("\tat org.springframework");
  }
}
