// The extension APIs' types (Chrome's; Firefox implements the same MV3 surface we use).
/// <reference types="chrome" />
