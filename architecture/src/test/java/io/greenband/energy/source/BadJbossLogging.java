package io.greenband.energy.source;

import org.jboss.logging.Logger;

/** Bad sample: an energy monitor core class logging through JBoss Logging. */
public final class BadJbossLogging {

    private static final Logger LOG = Logger.getLogger(BadJbossLogging.class);

    /** Logs a reading. */
    public void read(double watts) {
        LOG.debugf("read %f W", watts);
    }
}
