// The browser tests drive Debian's Chromium. Say exactly what to install rather than fail obscurely.
import { existsSync } from 'node:fs';

if (!existsSync('/usr/bin/chromium')) {
  console.error(
    'npm test needs Chromium for the site tests, and /usr/bin/chromium is missing.\n' +
      'Install it (Debian/Ubuntu):  sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei\n' +
      '(.ci/run does this on CI machines.)',
  );
  process.exit(1);
}
