declare module 'dkfds-css';
/// <reference types="vite/client" />
