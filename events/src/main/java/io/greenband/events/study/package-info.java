/**
 * Study definitions read from YAML or JSON files into {@link
 * io.greenband.events.payload.StudyDefined}, with defaults, space references (inline, file or the
 * bundled {@code dsnn-table1}) and errors that name the field and its line. Start at {@link
 * io.greenband.events.study.StudyReader}. {@link io.greenband.events.study.StudyCatalogue} folds
 * the {@code studies} topic, for every reader of it.
 */
package io.greenband.events.study;
