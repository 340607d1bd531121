package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.AggregatorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Turns every failure into an {@link ApiError} with a fitting status. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException w) {
            Response r = w.getResponse();
            if (r.hasEntity()) {
                return r;
            }
            return json(
                    r.getStatus(),
                    r.getStatusInfo().getReasonPhrase().toUpperCase().replace(' ', '_'),
                    e.getMessage());
        }
        if (e instanceof AggregatorException a) {
            return switch (a.kind()) {
                case NOT_FOUND -> json(404, "NOT_FOUND", a.getMessage());
                case STORE_FAILED -> json(503, "STORE_FAILED", a.getMessage());
                default -> json(500, a.kind().name(), a.getMessage());
            };
        }
        if (e instanceof IllegalArgumentException) {
            return json(400, "BAD_REQUEST", e.getMessage());
        }
        LOG.error("request failed", e);
        return json(500, "INTERNAL", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static Response json(int status, String kind, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(kind, message))
                .build();
    }
}
