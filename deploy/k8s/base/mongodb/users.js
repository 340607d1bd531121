// One MongoDB user per service, each with a role that reaches only the collections that service keeps.
// Run by the Job mongodb-users as root; idempotent: it creates or updates roles and users, so running it
// again with new passwords in the Secrets rotates them (docs/kubernetes.md, "Rotating credentials").
const target = db.getSiblingDB(process.env.GREENBAND_MONGODB_DATABASE || "greenband");
const actions = ["find", "insert", "update", "remove", "createIndex", "createCollection", "listIndexes",
  "collStats", "dbStats"];
const services = {
  suggester: ["suggester_snapshots", "parameter_importances"],
  aggregator: ["studies", "trial_runs", "trials", "trial_energy", "fronts", "hypervolume_history",
    "energy_samples", "trial_progress", "machines"],
};
// Views a service only reads: the aggregator shows the importances the suggester writes.
const reads = {
  aggregator: ["parameter_importances"],
};
const passwords = {
  suggester: process.env.GREENBAND_MONGODB_SUGGESTER_PASSWORD,
  aggregator: process.env.GREENBAND_MONGODB_AGGREGATOR_PASSWORD,
};
for (const [service, collections] of Object.entries(services)) {
  const variable = "GREENBAND_MONGODB_" + service.toUpperCase() + "_PASSWORD";
  const password = passwords[service];
  if (!password || password.length < 16) {
    print("mongodb-users: " + variable + " is missing or shorter than 16 characters; create the Secret "
      + "greenband-mongodb-" + service + " (key password) as docs/kubernetes.md shows");
    quit(2);
  }
  const role = "greenband-" + service;
  const privileges = collections.map(c => ({ resource: { db: target.getName(), collection: c }, actions: actions }));
  (reads[service] || []).forEach(c => privileges.push({ resource: { db: target.getName(), collection: c },
    actions: ["find"] }));
  privileges.push({ resource: { db: target.getName(), collection: "" }, actions: ["listCollections"] });
  if (target.getRole(role)) {
    target.updateRole(role, { privileges: privileges, roles: [] });
  } else {
    target.createRole({ role: role, privileges: privileges, roles: [] });
  }
  if (target.getUser(role)) {
    target.updateUser(role, { pwd: password, roles: [{ role: role, db: target.getName() }] });
  } else {
    target.createUser({ user: role, pwd: password, roles: [{ role: role, db: target.getName() }] });
  }
  print("mongodb-users: " + role + " may use " + collections.join(", "));
}
