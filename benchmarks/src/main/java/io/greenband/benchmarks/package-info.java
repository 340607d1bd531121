/** Speed and quality benchmarks of greenband's cores, one picocli subcommand per benchmark. */
package io.greenband.benchmarks;
