package io.eddy.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server-sent events of {@code GET /api/events}: a bounded history of ticks that a new
 * client receives first, then every tick as it is published. Each client has its own bounded
 * queue, drained by the request's own thread; a client that falls too far behind is dropped
 * (its browser reconnects and gets the history again). Thread-safe.
 */
final class Events {

  /** Ticks kept for clients that connect later (ten minutes at one tick a second). */
  static final int HISTORY = 600;
  /** Messages a slow client may have waiting before it is dropped. */
  static final int BACKLOG = 256;
  /** How long a quiet stream waits before a comment line keeps proxies and browsers from timing out. */
  static final long KEEPALIVE_MILLIS = 15_000;

  private static final String CLOSE = new String("close");

  private final ArrayDeque<String> history = new ArrayDeque<>();
  private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
  private final int maxClients;
  private volatile boolean closed;

  Events(int maxClients) {
    this.maxClients = maxClients;
  }

  /** Publishes one event to every client and to the history. */
  void publish(String event, String json) {
    String message = "event: " + event + "\ndata: " + json + "\n\n";
    synchronized (history) {
      history.addLast(message);
      if (history.size() > HISTORY) {
        history.removeFirst();
      }
      for (BlockingQueue<String> q : clients) {
        if (!q.offer(message)) {
          clients.remove(q);
          q.clear();
          q.offer(CLOSE);
        }
      }
    }
  }

  /** The number of connected clients. */
  int clients() {
    return clients.size();
  }

  /**
   * Streams events to {@code out} until the client goes away or the dashboard closes.
   *
   * @return false at once (nothing written) if there are already too many clients
   */
  boolean stream(OutputStream out, Runnable headers) throws IOException {
    BlockingQueue<String> q = new LinkedBlockingQueue<>(BACKLOG);
    synchronized (history) {
      if (closed || clients.size() >= maxClients) {
        return false;
      }
      headers.run();
      StringBuilder first = new StringBuilder("retry: 2000\n\n");
      for (String m : history) {
        first.append(m);
      }
      out.write(first.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      clients.add(q);
    }
    try {
      while (!closed) {
        String m;
        try {
          m = q.poll(KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (m == CLOSE) {
          break;
        }
        out.write((m == null ? ": keep-alive\n\n" : m).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } finally {
      clients.remove(q);
    }
    return true;
  }

  /** Ends every stream. */
  void close() {
    closed = true;
    synchronized (history) {
      for (BlockingQueue<String> q : clients) {
        q.clear();
        q.offer(CLOSE);
      }
    }
  }
}
