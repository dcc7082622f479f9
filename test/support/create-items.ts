// A second app on the same data folder: creates checklist items as fast as it can, for the test
// of numbering under concurrent creation. Usage: node create-items.ts DATA_DIR PROJECT_ID COUNT
import { openCore } from '../../electron/core/core.ts';

const [dataDir, projectId, count] = process.argv.slice(2);
const core = openCore({ dataDir: dataDir!, appVersion: '0.0.0-test' });
for (let i = 0; i < Number(count); i++) core.call('requirements.create', { projectId, title: `Item ${process.pid}-${i}` });
core.close();
