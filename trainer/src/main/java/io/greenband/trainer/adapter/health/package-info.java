/** The trainer's own health check: its trial consumer must be running. */
package io.greenband.trainer.adapter.health;
