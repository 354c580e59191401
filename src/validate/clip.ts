// Values are cut for the report where they are read: the rule lives with the ingest stage.
export { clip, clipName } from '../ingest/clip.js';
