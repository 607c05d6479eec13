import { TEST_NOW } from "./periods";

// Unit tests need no database; like every test they run on the date they are written for.
process.env.NOW = TEST_NOW;
