package io.greenband.aggregator.core.attribution;

import java.util.List;

/**
 * Where all measured energy went, per stream: to trials, to idle time, to the host's other
 * processes, or to finalized trials after the fact (late). For every stream measured = attributed +
 * other + idle + late.
 *
 * @param streams one entry per stream
 */
public record EnergyTotals(List<StreamTotals> streams) {

    /**
     * Totals of one stream.
     *
     * @param stream the stream
     * @param measured all accepted joules
     * @param attributed joules given to trials
     * @param idle joules while no trial held the device (or ran on the host)
     * @param late joules of finalized trials that arrived after their grace period
     * @param other joules used by no trial while trials ran on the host (split by use only)
     */
    public record StreamTotals(
            StreamKey stream,
            double measured,
            double attributed,
            double idle,
            double late,
            double other) {

        /** Totals of a stream with no other energy (time-based split). */
        public StreamTotals(
                StreamKey stream, double measured, double attributed, double idle, double late) {
            this(stream, measured, attributed, idle, late, 0);
        }
    }

    /** Copies the list. */
    public EnergyTotals {
        streams = List.copyOf(streams);
    }

    /** All accepted joules. */
    public double measured() {
        return streams.stream().mapToDouble(StreamTotals::measured).sum();
    }

    /** Joules given to trials. */
    public double attributed() {
        return streams.stream().mapToDouble(StreamTotals::attributed).sum();
    }

    /** Idle joules. */
    public double idle() {
        return streams.stream().mapToDouble(StreamTotals::idle).sum();
    }

    /** Joules the host's other processes used while trials ran. */
    public double other() {
        return streams.stream().mapToDouble(StreamTotals::other).sum();
    }

    /** Other joules of one host. */
    public double other(String host) {
        return streams.stream()
                .filter(s -> s.stream().host().equals(host))
                .mapToDouble(StreamTotals::other)
                .sum();
    }

    /** Late joules. */
    public double late() {
        return streams.stream().mapToDouble(StreamTotals::late).sum();
    }

    /** Idle joules of one host. */
    public double idle(String host) {
        return streams.stream()
                .filter(s -> s.stream().host().equals(host))
                .mapToDouble(StreamTotals::idle)
                .sum();
    }
}
