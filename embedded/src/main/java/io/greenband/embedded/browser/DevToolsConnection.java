package io.greenband.embedded.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket to the browser's DevTools endpoint: commands get numbered and answered by their id,
 * events (messages without an id) are kept in arrival order for the caller to read.
 */
final class DevToolsConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    DevToolsConnection(URI endpoint)
            throws InterruptedException, ExecutionException, TimeoutException {
        this.socket =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(30))
                        .buildAsync(endpoint, new Listener())
                        .get(60, TimeUnit.SECONDS);
    }

    /**
     * Sends {@code method} with {@code params} (to a page session when {@code session} is set),
     * awaits its result.
     */
    JsonNode send(String session, String method, Map<String, ?> params, Duration timeout) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        try {
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer within " + timeout, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Events received so far. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode node = JSON.readTree(text);
                    if (node.has("id")) {
                        CompletableFuture<JsonNode> f = pending.get(node.get("id").asInt());
                        if (f != null) {
                            f.complete(node);
                        }
                    } else {
                        events.add(node);
                    }
                } catch (java.io.IOException e) {
                    events.add(
                            JSON.createObjectNode().put("method", "undecodable").put("text", text));
                }
            }
            ws.request(1);
            return null;
        }
    }
}
