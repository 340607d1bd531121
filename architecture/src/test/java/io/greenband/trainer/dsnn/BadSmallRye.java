package io.greenband.trainer.dsnn;

import io.smallrye.common.constraint.Assert;

/** Bad sample: a trainer core class checking its arguments with SmallRye. */
public final class BadSmallRye {

    /** Checks a layer name. */
    public String name(String name) {
        return Assert.checkNotNullParam("name", name);
    }
}
