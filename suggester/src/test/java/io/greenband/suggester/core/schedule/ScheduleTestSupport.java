package io.greenband.suggester.core.schedule;

/** Known costs for scheduler tests. */
final class ScheduleTestSupport {

    private ScheduleTestSupport() {}

    /** Cost falls with the config id modulo 10. */
    static double cost(long configId) {
        return 10 - (configId % 10);
    }
}
