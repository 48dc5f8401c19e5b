package org.polypseg.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;

@Command(name = "hash-password", mixinStandardHelpOptions = true,
    description = {"Read a password (typed without echo, or one line on standard input) and print "
        + "its bcrypt hash for polypseg.security.users[].password-hash.",
        "Example: echo 'my secret' | polypseg hash-password"})
final class HashPasswordCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    String password;
    Console console = System.console();
    if (console != null && console.isTerminal()) {
      char[] typed = console.readPassword("password: ");
      password = typed == null ? null : new String(typed);
    } else {
      password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
    }
    if (password == null || password.isEmpty()) {
      throw new UserError("no password given");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw new UserError("the password is longer than bcrypt's 72 bytes; choose a shorter one");
    }
    System.out.println(new BCryptPasswordEncoder().encode(password));
    return 0;
  }
}
