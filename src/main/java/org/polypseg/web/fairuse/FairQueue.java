package org.polypseg.web.fairuse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The order in which images reach the model: fair queuing across clients, and dynamic batching
 * with a short, bounded wait. Pure bookkeeping, no threads and no clock (the caller passes the
 * time, in nanoseconds, and does its own locking), so that every decision can be tested exactly.
 *
 * <p>An image goes through three steps: {@link #admit} (counted against its client's limit and
 * the server's capacity: refused at once when over either), {@link #ready} (decoded and resized,
 * it joins its client's first-in-first-out queue) and {@link #next} (it is taken into a batch),
 * then {@link #finished} when its batch has run.
 *
 * <p>How a batch is made (the rule of {@link #next}):
 * <ul>
 *   <li>A client <em>competes</em> while it has images queued, admitted but not yet ready, in the
 *       model (another worker's batch), or in a batch that finished less than {@code batchWait}
 *       ago and not yet followed by a new one (a client that sends one image at a time is between
 *       two of them, not gone).
 *   <li>Alone, a client gets the whole batch: up to {@code maxBatch} of its images.
 *   <li>When several compete, each gets the same number of places, no more than the client with
 *       the fewest images on hand (queued or on their way) can use, at least one; the clients
 *       served last wait at the back of the round. A script with eight streams and a user with
 *       one therefore share each batch one to one: the user's image is never stuck behind a
 *       batch full of the script's.
 *   <li>The batch starts at once when every competing client has its share queued; otherwise it
 *       waits for the images on their way, but never longer than {@code batchWait} after the
 *       previous batch ended (or after its first image was queued, if that is later). A lone
 *       image with nothing else in flight never waits.
 * </ul>
 *
 * <p>With several workers ({@code oneClientPerBatch}) clients share the workers instead: a batch
 * holds one client's share, the least served competing client first (max-min fairness: a user
 * with one stream gets all it can use, up to a worker, and the rest goes to the others); a free
 * worker waits (up to {@code batchWait}) for that client's images on their way, until it has its
 * share or all it has outside the model: a lone client with eight streams gets batches of four on
 * each of two workers, not a batch of one each time a worker frees up.
 *
 * @param <T> what is queued (one image's work)
 */
public final class FairQueue<T> {

  /** Whether an image was let in. */
  public enum Admission {
    /** Counted in: it will be served. */
    ADMITTED,
    /** Its client already has {@code perClientLimit} images in: 429. */
    OVER_CLIENT_LIMIT,
    /** The server already holds {@code capacity} images: 503. */
    FULL
  }

  /** What {@link #next} decided. */
  public sealed interface Decision<T> {}

  /** Nothing is queued: wait until something changes. */
  public record Idle<T>() implements Decision<T> {}

  /** Images are queued but a better batch is on its way: ask again at {@code nanoTime} at the latest. */
  public record Wait<T>(long nanoTime) implements Decision<T> {}

  /** Run these, in this order; {@code clients} names each one's client, for {@link #finished}. */
  public record Batch<T>(List<T> items, List<String> clients) implements Decision<T> {}

  private record Queued<T>(T item, long since) {}

  /** One client's images: queued, on their way (admitted, not ready) and in the model. */
  private static final class Client<T> {
    final Deque<Queued<T>> queued = new ArrayDeque<>();
    int preparing;
    int running;
    /**
     * Images of its batches that finished within the batch wait, not yet followed by a new
     * admission: the client is between two images, not gone.
     */
    int returning;
    /** When its last batch finished. */
    long returnedAt;
    /** Images taken into batches since it came (for {@code oneClientPerBatch}'s order). */
    long served;

    int admitted() {
      return queued.size() + preparing + running;
    }

    /**
     * Images it has in the server or is about to send: with several workers, a client whose one
     * image is in the model still competes, so that another worker does not hand its whole batch
     * to the other clients meanwhile.
     */
    int onHand() {
      return queued.size() + preparing + running + returning;
    }
  }

  private final int capacity;
  private final int perClientLimit;
  private final int maxBatch;
  private final long batchWaitNanos;
  private final boolean oneClientPerBatch;
  private final Predicate<T> abandoned;
  /** Every client with anything in or returning, in round order: the next to serve first. */
  private final LinkedHashMap<String, Client<T>> clients = new LinkedHashMap<>();
  private int admitted;
  private long lastBatchEnd = Long.MIN_VALUE;

  /**
   * @param capacity images admitted at once, all clients together
   * @param perClientLimit images one client may have admitted at once
   * @param maxBatch most images in one batch
   * @param batchWaitNanos longest a batch waits for images on their way, ns (0: never waits)
   * @param abandoned images nobody waits for any more (their request timed out): dropped from the
   *     queue, and their place given back, when met
   */
  public FairQueue(int capacity, int perClientLimit, int maxBatch, long batchWaitNanos,
      Predicate<T> abandoned) {
    this(capacity, perClientLimit, maxBatch, batchWaitNanos, false, abandoned);
  }

  /**
   * @param oneClientPerBatch when several clients compete, each batch takes the share of one
   *     client only, the next in the round: for several workers, where clients share the workers
   *     rather than the batches (an image alone on a core is answered in half the time of two)
   */
  public FairQueue(int capacity, int perClientLimit, int maxBatch, long batchWaitNanos,
      boolean oneClientPerBatch, Predicate<T> abandoned) {
    if (capacity < 1 || perClientLimit < 1 || maxBatch < 1 || batchWaitNanos < 0) {
      throw new IllegalArgumentException("capacity, per-client limit and batch size must be at "
          + "least 1 and the batch wait at least 0");
    }
    this.capacity = capacity;
    this.perClientLimit = perClientLimit;
    this.maxBatch = maxBatch;
    this.batchWaitNanos = batchWaitNanos;
    this.oneClientPerBatch = oneClientPerBatch;
    this.abandoned = abandoned;
  }

  /** Counts an image of {@code client} in, unless it is over its limit or the server is full. */
  public Admission admit(String client) {
    Client<T> c = clients.get(client);
    if (c != null && c.admitted() >= perClientLimit) {
      return Admission.OVER_CLIENT_LIMIT;
    }
    if (admitted >= capacity) {
      return Admission.FULL;
    }
    if (c == null) {
      c = new Client<>();
      // A newcomer starts level with the least served of those present, not at 0: it gets its
      // share from now on, not the service the others had before it came.
      c.served = clients.values().stream().mapToLong(x -> x.served).min().orElse(0);
      clients.put(client, c);
    }
    c.preparing++;
    c.returning = Math.max(0, c.returning - 1);
    admitted++;
    return Admission.ADMITTED;
  }

  /** An admitted image is ready for the model: it joins its client's queue. */
  public void ready(String client, T item, long now) {
    Client<T> c = existing(client);
    if (c.preparing < 1) {
      throw new IllegalStateException("no image of " + client + " is on its way");
    }
    c.preparing--;
    c.queued.addLast(new Queued<>(item, now));
  }

  /** An admitted image will never be ready (it could not be read): its place is given back. */
  public void withdraw(String client) {
    Client<T> c = existing(client);
    if (c.preparing < 1) {
      throw new IllegalStateException("no image of " + client + " is on its way");
    }
    c.preparing--;
    admitted--;
    forgetIfIdle(client, c);
  }

  /** The next batch to run, or how long to wait for one. */
  public Decision<T> next(long now) {
    return next(now, maxBatch);
  }

  /**
   * The next batch of at most {@code limit} images (and never more than {@code maxBatch}), or how
   * long to wait for one: several runners that share the queued images between them each ask
   * for their part.
   */
  public Decision<T> next(long now, int limit) {
    int cap = Math.max(1, Math.min(maxBatch, limit));
    dropAbandoned();
    List<Map.Entry<String, Client<T>>> competing = new ArrayList<>();
    boolean anyQueued = false;
    for (Map.Entry<String, Client<T>> e : clients.entrySet()) {
      Client<T> c = e.getValue();
      anyQueued |= !c.queued.isEmpty();
      if (c.onHand() > 0) {
        competing.add(e);
      }
    }
    if (!anyQueued) {
      return new Idle<>();
    }
    int share = share(competing, cap);
    if (oneClientPerBatch) {
      // Least served first (max-min fairness): a user with one stream, who can never use more
      // than a worker, is served whenever its image is there, and the others share the rest.
      competing.sort(java.util.Comparator.comparingLong(e -> e.getValue().served));
    }
    long deadline = deadline();
    if (now - deadline < 0) {
      for (Map.Entry<String, Client<T>> e : competing) {
        Client<T> c = e.getValue();
        boolean onItsWay = c.preparing + c.returning > 0;
        if (oneClientPerBatch) {
          // Batches do not grow by waiting here; wait only for a client whose turn it is and
          // whose image is on its way, so that a user with one stream is not overtaken by a
          // script's queue each time it is between two images.
          if (!c.queued.isEmpty()) {
            // Its share is not all here yet but on its way (being read, or just answered and
            // about to be sent again): wait for it. On one core a batch of four runs each image
            // in 85 % of the time of a batch of one, and without the wait a runner that frees up
            // takes the first image back alone, and the batches of a lone client with several
            // streams stay at one.
            if (onItsWay && c.queued.size() < share) {
              return new Wait<>(deadline);
            }
            break;
          }
          if (onItsWay && competing.size() > 1) {
            return new Wait<>(deadline);
          }
        } else if (c.queued.size() < share && onItsWay) {
          // Wait while a client that competes lacks its share and has images on their way.
          return new Wait<>(deadline);
        }
      }
    }
    List<T> items = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    List<String> served = new ArrayList<>();
    for (Map.Entry<String, Client<T>> e : competing) {
      Client<T> c = e.getValue();
      int take = Math.min(share, Math.min(c.queued.size(), cap - items.size()));
      for (int i = 0; i < take; i++) {
        items.add(c.queued.pollFirst().item());
        owners.add(e.getKey());
      }
      c.running += take;
      c.served += take;
      if (take > 0) {
        served.add(e.getKey());
      }
      if (items.size() == cap || (take > 0 && oneClientPerBatch)) {
        break;
      }
    }
    // Round robin: whoever was served goes to the back, in the order served.
    for (String name : served) {
      clients.putLast(name, clients.remove(name));
    }
    return new Batch<>(List.copyOf(items), List.copyOf(owners));
  }

  /**
   * A batch has run (its images are answered): their places are given back, and its clients are
   * expected back with as many images for a short while ({@code batchWait}).
   */
  public void finished(List<String> batchClients, long now) {
    for (Client<T> c : clients.values()) {
      // Not back within the batch wait: gone, until it sends again. (With one worker, batches
      // last longer than the wait, so this forgets everyone outside the batch just finished.)
      if (now - c.returnedAt >= batchWaitNanos) {
        c.returning = 0;
      }
    }
    for (String client : batchClients) {
      Client<T> c = existing(client);
      c.running--;
      c.returning++;
      c.returnedAt = now;
      admitted--;
    }
    lastBatchEnd = now;
    clients.entrySet().removeIf(e -> e.getValue().admitted() == 0 && e.getValue().returning == 0);
  }

  /**
   * How many images one of {@code freeRunners} runners should ask {@link #next(long, int)} for:
   * an equal part of the images queued or on their way (being read, or expected back from
   * clients just answered), so that free runners share them instead of the first taking all.
   */
  public int partFor(int freeRunners) {
    int expected = 0;
    for (Client<T> c : clients.values()) {
      expected += c.queued.size() + c.preparing + c.returning;
    }
    int free = Math.max(1, freeRunners);
    return Math.max(1, (expected + free - 1) / free);
  }

  /** Images admitted, all clients together. */
  public int admitted() {
    return admitted;
  }

  /** Images {@code client} has admitted (on their way, queued or in the model). */
  public int admitted(String client) {
    Client<T> c = clients.get(client);
    return c == null ? 0 : c.admitted();
  }

  /** Images queued for the model, all clients together. */
  public int queued() {
    int n = 0;
    for (Client<T> c : clients.values()) {
      n += c.queued.size();
    }
    return n;
  }

  /**
   * Places per competing client in the next batch: all of it for one; for several, an equal
   * split, no more than the one with the fewest images on hand can fill.
   */
  private int share(List<Map.Entry<String, Client<T>>> competing, int cap) {
    if (competing.size() <= 1) {
      return cap;
    }
    int fewest = Integer.MAX_VALUE;
    for (Map.Entry<String, Client<T>> e : competing) {
      fewest = Math.min(fewest, e.getValue().onHand());
    }
    return Math.max(1, Math.min(fewest, cap / competing.size()));
  }

  /**
   * When the next batch starts at the latest: the batch wait after it could first have started
   * (the previous batch's end, or the first queued image's arrival if that is later).
   */
  private long deadline() {
    boolean any = false;
    long firstQueued = 0;
    for (Client<T> c : clients.values()) {
      if (!c.queued.isEmpty()) {
        long since = c.queued.peekFirst().since();
        if (!any || since - firstQueued < 0) {
          firstQueued = since;
        }
        any = true;
      }
    }
    long start = lastBatchEnd == Long.MIN_VALUE || firstQueued - lastBatchEnd > 0
        ? firstQueued : lastBatchEnd;
    return start + batchWaitNanos;
  }

  private void dropAbandoned() {
    for (Iterator<Map.Entry<String, Client<T>>> it = clients.entrySet().iterator();
        it.hasNext(); ) {
      Client<T> c = it.next().getValue();
      int before = c.queued.size();
      c.queued.removeIf(q -> abandoned.test(q.item()));
      admitted -= before - c.queued.size();
      if (c.admitted() == 0 && c.returning == 0) {
        it.remove();
      }
    }
  }

  private Client<T> existing(String client) {
    Client<T> c = clients.get(client);
    if (c == null) {
      throw new IllegalStateException("no image of " + client + " is admitted");
    }
    return c;
  }

  private void forgetIfIdle(String client, Client<T> c) {
    if (c.admitted() == 0 && c.returning == 0) {
      clients.remove(client);
    }
  }

  /** For tests and messages: clients in round order with their queued counts. */
  @Override
  public String toString() {
    Map<String, Integer> view = new LinkedHashMap<>();
    clients.forEach((k, c) -> view.put(k, c.queued.size()));
    return "FairQueue" + view + " admitted " + admitted;
  }
}
