/**
 * The one intake path of every consumer: raw records checked (envelope, headers, payload, study
 * limits) and decoded by {@link io.greenband.servicekit.intake.EventIntake}, ended processed or
 * dead-lettered with a reason, then committed by {@link io.greenband.servicekit.intake.IntakeLoop};
 * consumers' progress watched for health by {@link io.greenband.servicekit.intake.ConsumerWatch};
 * other topics looked up with {@link io.greenband.servicekit.intake.TopicIndex}.
 */
package io.greenband.servicekit.intake;
