/**
 * Log plumbing every service and the command line share: reading topics from their beginning to
 * their end of the moment ({@link io.greenband.servicekit.log.TopicReader}) and the settings every
 * producer is built with ({@link io.greenband.servicekit.log.ProducerSettings}). No framework
 * types: the command line uses it too.
 */
package io.greenband.servicekit.log;
