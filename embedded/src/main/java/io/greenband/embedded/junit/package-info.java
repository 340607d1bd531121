/**
 * JUnit 5/6 support: {@link io.greenband.embedded.junit.EmbeddedStackTest} starts an embedded stack
 * for a test class (or shares one per JVM) and injects it into fields and parameters of type {@link
 * io.greenband.embedded.EmbeddedStack}.
 */
package io.greenband.embedded.junit;
