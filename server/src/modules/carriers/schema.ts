// The carriers registry's tables go here (migrations are generated from this file).
export {}
