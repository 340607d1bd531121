/** Which node this monitor speaks for, and which energy sources it opens there. */
package io.greenband.energy.node;
