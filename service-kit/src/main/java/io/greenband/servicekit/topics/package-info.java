/** The topic registry as a CDI bean, configured by the topic prefix. */
package io.greenband.servicekit.topics;
