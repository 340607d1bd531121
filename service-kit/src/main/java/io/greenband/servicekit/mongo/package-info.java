/** MongoDB client and readiness for the services that keep views in MongoDB. */
package io.greenband.servicekit.mongo;
