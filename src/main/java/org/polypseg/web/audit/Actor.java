package org.polypseg.web.audit;

import com.vaadin.flow.server.VaadinRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting: the signed-in user (null with login off) and the client's address (as the
 * server sees it; behind a reverse proxy, see {@code server.forward-headers-strategy}).
 */
public record Actor(String user, String address) {

  /** The actor of the request this thread is handling; both null outside a request. */
  public static Actor current() {
    String user = null;
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      user = authentication.getName();
    }
    String address = null;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      address = request.getRequest().getRemoteAddr();
    } else if (VaadinRequest.getCurrent() != null) {
      address = VaadinRequest.getCurrent().getRemoteAddr();
    }
    return new Actor(user, address);
  }

  /**
   * The key fair use is counted under: the user when signed in, else the address (with login off,
   * every client of this machine is one address).
   */
  public String key() {
    return user != null ? "user:" + user : "address:" + address;
  }
}
