package org.polypseg.web.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.util.List;
import org.polypseg.web.audit.Actor;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may use the app. With {@code polypseg.security.enabled=false} (the default) every route is
 * open, as before; with true, the page asks for a login (Vaadin's login view, CSRF protection on)
 * and the API for HTTP Basic, both against the users and bcrypt hashes in the configuration, with
 * password guessing slowed and then locked out ({@link LoginThrottle}) and idle pages signed out
 * ({@link IdleSignOutFilter}). The health probe stays open for load balancers. Security headers
 * are sent in both modes (HSTS over HTTPS). Login off is for this machine only: {@link
 * NetworkExposure} refuses a network address without it; {@link TransportSecurity} turns HTTPS
 * on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, TlsProperties.class})
public class SecurityConfiguration {

  /**
   * Vaadin's client needs inline styles and evaluates server-sent JavaScript ({@code new
   * Function}); everything else comes from this origin. Images are drawn from blob: and data:
   * URLs by the threshold overlay and Lumo.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
      + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** Refuses a network address without login before the web server opens its port. */
  @Bean
  static NetworkExposure networkExposure() {
    return new NetworkExposure();
  }

  /** HTTPS from {@code polypseg.tls.keystore}, checked before the web server starts. */
  @Bean
  static TransportSecurity transportSecurity() {
    return new TransportSecurity();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  LoginThrottle loginThrottle(SecurityProperties properties) {
    return new LoginThrottle(properties.login(), Clock.systemUTC());
  }

  /** The password check, behind the throttle; refused sign-ins go to the audit log. */
  @Bean
  AuthenticationProvider authenticationProvider(UserDetailsService users,
      PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    return new ThrottledAuthenticationProvider(passwords, throttle, (address, outcome) ->
        audit.begin(AuditAction.SIGN_IN, new Actor(null, address)).end(outcome));
  }

  /** The configured users; none when login is off (and no generated password either). */
  @Bean
  UserDetailsService users(SecurityProperties properties) {
    List<UserDetails> users = properties.users().stream()
        .map(u -> User.withUsername(u.username()).password(u.passwordHash()).roles("USER").build())
        .toList();
    return new InMemoryUserDetailsManager(users);
  }

  /** The API: HTTP Basic on every request when login is on; no session, no CSRF token. */
  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties)
      throws Exception {
    http.securityMatcher("/api/**");
    headers(http);
    // A stateless API authenticated on every request has no session for a forged request to
    // ride on; CSRF protection is for the page.
    http.csrf(csrf -> csrf.disable());
    http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    if (properties.enabled()) {
      ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
      http.authorizeHttpRequests(a -> a.anyRequest().authenticated());
      http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
      http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
    } else {
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
    }
    return http.build();
  }

  /** The page, the model files, the API description and the health probe. */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http, SecurityProperties properties)
      throws Exception {
    headers(http);
    if (!properties.enabled()) {
      // Vaadin protects its own requests with its CSRF token; there is no login to protect.
      http.csrf(csrf -> csrf.disable());
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
      return http.build();
    }
    log.info("Login required: {} user(s) configured; idle pages are signed out after {}",
        properties.users().size(), properties.idleTimeout());
    // Before the session's login is loaded: an idle session is ended first, and the request goes
    // on as a stranger's (to the login view).
    http.addFilterBefore(new IdleSignOutFilter(properties.idleTimeout(), Clock.systemUTC()),
        SecurityContextHolderFilter.class);
    // The health probe for load balancers, and the error page that a refused request (a 401 from
    // the API, for instance) is rendered by.
    http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**",
        "/error").permitAll());
    // Vaadin's configurer: the login view, CSRF for everything but Vaadin's own (token-protected)
    // requests, access control on every view, and "authenticated" for every other request.
    http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
    return http.build();
  }

  private static void headers(HttpSecurity http) throws Exception {
    // Spring Security's defaults add X-Content-Type-Options: nosniff, X-Frame-Options: DENY,
    // Cache-Control: no-store for dynamic answers, and HSTS over HTTPS.
    http.headers(h -> h
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(f -> f.deny())
        // Before the answer is written: Vaadin's page responses bypass the on-commit hook.
        .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
          @Override
          public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
          }
        }));
  }
}
