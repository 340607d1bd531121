/** HTTP endpoints of the energy monitor: the Prometheus scrape. */
package io.greenband.energy.adapter.rest;
