/**
 * The embedded MongoDB server's storage: mongo-java-server's H2 MVStore backend with documents,
 * index keys and positions written as BSON and index keys compared in the server's own value order,
 * instead of H2's default Java serialization. {@link
 * io.greenband.embedded.store.BsonH2Backend#open} also checks the store file's format marker, so a
 * file in another format is refused rather than misread.
 */
package io.greenband.embedded.store;
