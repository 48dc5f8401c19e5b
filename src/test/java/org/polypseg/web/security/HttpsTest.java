package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.PolypSegApplication;
import org.polypseg.cli.PolypSegCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * HTTPS from a keystore made by {@code ./polypseg tls-keystore}: the app serves HTTPS with HSTS
 * and Secure session cookies; a keystore that is missing, not one, or opened with the wrong
 * password stops the start-up with a message naming the setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpsTest {

  @TempDir static Path folder;
  static Path keystore;
  static String password;

  @BeforeAll
  static void makeKeystore() throws Exception {
    keystore = folder.resolve("trial.p12");
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = PolypSegCommand.execute("tls-keystore", "--out", keystore.toString(), "--days", "2");
    } finally {
      System.setOut(original);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isZero();
    Matcher m = Pattern.compile("POLYPSEG_TLS_KEYSTOREPASSWORD='([^']+)'").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    password = m.group(1);
    assertThat(out).contains("self-signed", "localhost", "127.0.0.1",
        "--polypseg.tls.keystore=" + keystore);
  }

  @Test
  void theKeystoreCommandDoesNotOverwriteAFileByAccident() {
    assertThat(PolypSegCommand.execute("tls-keystore", "--out", keystore.toString())).isEqualTo(2);
    assertThat(PolypSegCommand.execute("tls-keystore", "--out", folder.toString())).isEqualTo(2);
    assertThat(PolypSegCommand.execute("tls-keystore", "--out", folder.resolve("x.p12").toString(),
        "--days", "0")).isEqualTo(2);
  }

  @Test
  void theAppServesHttpsWithHstsAndSecureCookies() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PolypSegApplication.class)
        .run("--server.port=0", "--polypseg.tls.keystore=" + keystore,
            "--polypseg.tls.keystore-password=" + password);
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore, password))
            .followRedirects(HttpClient.Redirect.NEVER).build()) {
      String port = app.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(
          URI.create("https://localhost:" + port + "/")).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
          v -> assertThat(v).contains("max-age="));
      assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
          .startsWith("JSESSIONID=").contains("Secure", "HttpOnly")
          .containsIgnoringCase("SameSite=Lax"));
      // Plain HTTP on the same port is not served.
      try (HttpClient plain = HttpClient.newHttpClient()) {
        Throwable refused = catchThrowable(() -> {
          HttpResponse<String> r = plain.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(400);
        });
        if (refused != null) {
          assertThat(refused).isInstanceOf(java.io.IOException.class);
        }
      }
    }
  }

  @Test
  void aWrongPasswordStopsTheStartUpWithTheSettingNamed(CapturedOutput output) {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PolypSegApplication.class)
        .run("--server.port=0", "--polypseg.tls.keystore=" + keystore,
            "--polypseg.tls.keystore-password=not-the-password"));
    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
        .isInstanceOf(TlsKeystoreException.class)
        .hasMessageContaining("polypseg.tls.keystore=" + keystore)
        .hasMessageContaining("password is wrong");
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START", "the keystore cannot be used",
            "POLYPSEG_TLS_KEYSTOREPASSWORD")
        .doesNotContain("Tomcat started")
        .doesNotContain("\tat org.springframework")
        .doesNotContain("not-the-password");
  }

  @Test
  void aMissingOrForeignKeystoreIsNamedWithWhatToDo() throws Exception {
    assertThatThrownBy(() -> TransportSecurity.check(folder.resolve("none.p12"), "x", ""))
        .isInstanceOf(TlsKeystoreException.class).hasMessageContaining("none.p12")
        .hasMessageContaining("no such file")
        .satisfies(e -> assertThat(((TlsKeystoreException) e).action())
            .contains("./polypseg tls-keystore"));
    Path png = Files.write(folder.resolve("picture.p12"), new byte[] {(byte) 0x89, 'P', 'N', 'G',
        13, 10, 26, 10, 0, 0, 0, 13});
    assertThatThrownBy(() -> TransportSecurity.check(png, "x", ""))
        .isInstanceOf(TlsKeystoreException.class).hasMessageContaining("picture.p12");
    assertThatThrownBy(() -> TransportSecurity.check(folder, "x", ""))
        .isInstanceOf(TlsKeystoreException.class).hasMessageContaining("is a folder");
    assertThatThrownBy(() -> TransportSecurity.check(keystore, password, "other"))
        .isInstanceOf(TlsKeystoreException.class).hasMessageContaining("no private key 'other'");
    assertThat(TransportSecurity.check(keystore, password, "")).isEqualTo("polypseg");
  }

  private static SSLContext trusting(Path keystore, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
