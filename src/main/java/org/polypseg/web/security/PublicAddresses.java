package org.polypseg.web.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;

/**
 * Whether an address the server would listen on may be reached from the internet: any address but
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local, shared (100.64/10) and
 * the documentation and benchmarking ranges. A wildcard ({@code 0.0.0.0}, {@code ::}, or no
 * address) listens on every interface, so it counts as public when any interface has a public
 * address.
 */
final class PublicAddresses {

  private PublicAddresses() {}

  /** Whether serving {@code address} (null or blank: every interface) may reach the internet. */
  static boolean reachable(String address) {
    try {
      List<InetAddress> addresses = address == null || address.isBlank()
          ? List.of(InetAddress.getByName("0.0.0.0"))
          : List.of(InetAddress.getAllByName(address.strip()));
      for (InetAddress a : addresses) {
        if (a.isAnyLocalAddress() ? anyInterfaceIsPublic() : isPublic(a)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      // The web server refuses it with its own message; until then, assume the worst.
      return true;
    }
  }

  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      int third = b[2] & 0xff;
      return !(first == 100 && (second & 0xc0) == 64 // shared address space (carrier NAT)
          || first == 192 && second == 0 && third == 2 // documentation
          || first == 198 && second == 51 && third == 100
          || first == 203 && second == 0 && third == 113
          || first == 198 && (second & 0xfe) == 18 // benchmarking
          || first == 192 && second == 0 && third == 0); // IETF protocol assignments
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      boolean uniqueLocal = (first & 0xfe) == 0xfc;
      boolean documentation = first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d
          && (b[3] & 0xff) == 0xb8;
      return !uniqueLocal && !documentation;
    }
    return true;
  }

  private static boolean anyInterfaceIsPublic() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (isPublic(a)) {
            return true;
          }
        }
      }
      return false;
    } catch (SocketException e) {
      return true;
    }
  }
}
