import { defineMessages } from '../defineMessages';

/** The header: the mobile menu, the overflow of the main menu and the user's corner. */
export const shell = defineMessages(
  {
    'shell.menu': 'Menu',
    'shell.close': 'Luk',
    'shell.closeMenu': 'Luk menu',
    'shell.more': 'Mere',
    'shell.user': 'Bruger',
    'shell.home': 'Gå til forsiden',
  },
  {
    'shell.menu': 'Menu',
    'shell.close': 'Close',
    'shell.closeMenu': 'Close menu',
    'shell.more': 'More',
    'shell.user': 'User',
    'shell.home': 'Go to the home page',
  },
);
