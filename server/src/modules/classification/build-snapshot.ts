// Solves the SVM members on the committed base data and writes data/classification/model-snapshot.json.gz.
// Rerun after changing the data or model-spec.ts: npx tsx server/src/modules/classification/build-snapshot.ts
import { trainClassifier } from './classifier'
import { DATA_DIR, readBaseData } from './dataset'
import { writeSnapshot } from './snapshot'

const classifier = trainClassifier(readBaseData(DATA_DIR))
const file = writeSnapshot(DATA_DIR, classifier.snapshot())
console.log(`wrote ${file} (solved in ${(classifier.trainMilliseconds / 1000).toFixed(1)} s)`)
