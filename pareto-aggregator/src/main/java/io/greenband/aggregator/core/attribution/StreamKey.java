package io.greenband.aggregator.core.attribution;

/**
 * One measured series: a device or host component of one host.
 *
 * @param host the host
 * @param device GPU UUID or component name
 * @param component what is measured
 */
public record StreamKey(String host, String device, Component component) {

    @Override
    public String toString() {
        return host + "/" + component.wireName() + "/" + device;
    }
}
