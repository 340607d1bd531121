/**
 * Liveness and readiness endpoints shared by every greenband service, and the checks behind them.
 */
package io.greenband.servicekit.health;
