/** A robot authenticated by its credential: what it may fetch, and the name it acts under. */
export interface RobotActor {
  robotId: string;
  name: string;
  topics: readonly string[];
}

/** The name a robot acts under in timelines and the audit trail, e.g. `robot:Børneattest-robotten`. */
export const robotActorName = (robot: Pick<RobotActor, 'name'>) => `robot:${robot.name}`;
