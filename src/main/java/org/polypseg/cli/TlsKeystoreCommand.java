package org.polypseg.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes a self-signed PKCS12 keystore for trying HTTPS, with the JDK's own {@code keytool} (the
 * JDK has no public API for making certificates, and a library for it would be a large dependency
 * for a trial feature). A browser warns about a self-signed certificate; production sites use
 * their own certificate, usually on a reverse proxy.
 */
@Command(name = "tls-keystore", mixinStandardHelpOptions = true,
    description = {"Make a self-signed PKCS12 keystore (an EC P-256 key and certificate) to try "
        + "HTTPS with: ./polypseg --polypseg.tls.keystore=FILE. For a trial only: browsers warn "
        + "about self-signed certificates; in production use your site's certificate (README)."})
final class TlsKeystoreCommand implements Callable<Integer> {

  @Option(names = "--out", description = "Keystore to write (default: ${DEFAULT-VALUE})",
      defaultValue = "polypseg-tls.p12")
  Path out;

  @Option(names = "--host", description = "Host name or IP address the certificate is for; "
      + "repeat for several (default: localhost, 127.0.0.1, ::1 and this machine's name)")
  List<String> hosts = new ArrayList<>();

  @Option(names = "--days", description = "Days the certificate is valid (default: "
      + "${DEFAULT-VALUE})", defaultValue = "90")
  int days;

  @Option(names = "--force", description = "Replace the keystore if it exists")
  boolean force;

  @Override
  public Integer call() throws Exception {
    if (days < 1 || days > 825) {
      throw new UserError("--days must be between 1 and 825 (browsers refuse longer), not "
          + days);
    }
    if (Files.isDirectory(out)) {
      throw new UserError(out + " is a folder; give the keystore's file name, e.g. "
          + out.resolve("polypseg-tls.p12"));
    }
    if (Files.exists(out) && !force) {
      throw new UserError(out + " exists; choose another --out, or --force to replace it");
    }
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    if (!Files.isExecutable(keytool)) {
      throw new UserError("keytool not found at " + keytool + "; run polypseg with a full JDK");
    }
    Set<String> names = new LinkedHashSet<>(hosts);
    if (names.isEmpty()) {
      names.addAll(List.of("localhost", "127.0.0.1", "::1"));
      try {
        names.add(InetAddress.getLocalHost().getHostName());
      } catch (IOException e) {
        // No name for this machine: the certificate covers the loopback names only.
      }
    }
    String password = newPassword();
    Path absolute = out.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Files.deleteIfExists(absolute);
    List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "polypseg",
        "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
        "-validity", Integer.toString(days), "-storetype", "PKCS12",
        "-keystore", absolute.toString(), "-storepass:env", "POLYPSEG_KEYSTORE_PASSWORD",
        "-dname", "CN=" + names.iterator().next() + ", O=polypseg (self-signed trial)",
        "-ext", "SAN=" + subjectAlternativeNames(names), "-noprompt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The password through the environment: on the command line, other users could read it.
    builder.environment().put("POLYPSEG_KEYSTORE_PASSWORD", password);
    Process keytoolRun = builder.start();
    String output = new String(keytoolRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytoolRun.waitFor(60, TimeUnit.SECONDS) || keytoolRun.exitValue() != 0) {
      throw new UserError("keytool could not make the keystore: " + output.strip());
    }
    System.out.println("Wrote " + out + ": a self-signed certificate for " + String.join(", ",
        names) + ", valid " + days + " days.");
    System.out.println("Its password (shown only now; keep it somewhere safe):");
    System.out.println("  " + password);
    System.out.println("Start polypseg with HTTPS:");
    System.out.println("  POLYPSEG_TLS_KEYSTOREPASSWORD='" + password + "' ./polypseg "
        + "--polypseg.tls.keystore=" + out);
    System.out.println("Browsers will warn that the certificate is self-signed: for a trial only."
        + " For production, see \"Serving other machines\" in the README.");
    return 0;
  }

  private static String subjectAlternativeNames(Set<String> names) {
    List<String> entries = new ArrayList<>();
    for (String name : names) {
      boolean ip = name.matches("[0-9.]+") || name.contains(":");
      entries.add((ip ? "ip:" : "dns:") + name);
    }
    return String.join(",", entries);
  }

  private static String newPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
