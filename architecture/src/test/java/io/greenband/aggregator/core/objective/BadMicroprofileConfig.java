package io.greenband.aggregator.core.objective;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Bad sample: an aggregator core class reading its setting through MicroProfile Config. */
public final class BadMicroprofileConfig {

    /** The skew bound, injected. */
    @ConfigProperty(name = "greenband.aggregator.skew")
    long skewMillis;
}
