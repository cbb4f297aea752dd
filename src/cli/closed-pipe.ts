// `npm run -s validate | head -1` closes our stdout early. Node then reports EPIPE as an unhandled
// error with a stack trace; for a command-line tool a reader that has had enough is a normal end.

/** Exit quietly (status 0) when whoever reads stdout stops reading; other stdout errors still throw. */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}
