/** Getting data sets onto this machine: CIFAR-10's official binary archive, checked by SHA-256. */
package io.greenband.cli.dataset;
