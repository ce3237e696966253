// The `gatelab` command line: one verb per subcommand, each in its own module under main/cli/.
export async function main(argv: string[]): Promise<number> {
  const [verb] = argv;
  switch (verb) {
    default:
      console.error(`gatelab: unknown command '${verb ?? ''}'. Commands: demo`);
      return 2;
  }
}
