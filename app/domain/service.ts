/** The service's name, shown in the header, titles and emails (browser-safe: not a .server module). */
export const SERVICE_NAME = "Helping Hands";
