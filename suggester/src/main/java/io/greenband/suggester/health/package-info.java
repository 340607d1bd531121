/** Health checks of the suggester service beyond Kafka and MongoDB reachability. */
package io.greenband.suggester.health;
